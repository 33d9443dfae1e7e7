import Controller
import Foundation
import Kube

/// `threat-monitor run [flags]`: the operator process.
public enum OperatorCommand {
    /// Runs until SIGTERM/SIGINT; returns the exit status (2 for bad flags, 1 for a failure).
    public static func run(arguments: [String]) async -> Int32 {
        let options: OperatorOptions
        do { options = try OperatorFlags.parse(arguments) } catch {
            FileHandle.standardError.write(Data("threat-monitor run: \(error)\n\n\(OperatorFlags.usage)\n".utf8))
            return 2
        }
        if options.manager.helpRequested {
            print(OperatorFlags.usage)
            return 0
        }
        let logger = Logger(level: options.manager.logLevel, format: options.manager.logFormat)
        let client: KubeClient
        do {
            let config = try ClientConfiguration.load(kubeconfigPath: options.manager.kubeconfig,
                                                      context: options.manager.context, namespace: options.namespace)
            client = try KubeClient(config)
        } catch {
            logger.error("cannot connect to the cluster", ["error": String(describing: error)])
            return 1
        }
        logger.info("starting threat-monitor operator", [
            "disabled_label": "\(options.enforcementLabel.key)=\(options.enforcementLabel.value)",
            "dns_rule": options.dnsRule,
        ])
        do {
            try await PolicyOperator(client: client, options: options, logger: logger).run(handleSignals: true)
        } catch {
            logger.error("operator stopped with an error", ["error": String(describing: error)])
            return 1
        }
        return 0
    }
}
