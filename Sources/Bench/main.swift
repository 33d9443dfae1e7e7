import Foundation
import JSON
import Operator
import OperatorBenchmarks
import YAML

// Benchmarks print one figure per line (`name value unit  # note`); see README.
let list = Fixtures.policyList(count: 10_000)
let jsonData = JSONWriter.data(list)
let yamlText = YAML.emit(list)
let yamlBytes = yamlText.utf8.count
print("# fixture: a List of 10,000 CiliumNetworkPolicy objects; JSON \(jsonData.count / 1024) KiB, YAML \(yamlBytes / 1024) KiB")

// MARK: - Issue 2: YAML and JSON throughput, against Foundation on the same bytes

try throughput("json.decode.threatmonitor", bytes: jsonData.count) {
    _ = try JSONParser.parse(jsonData)
}
try throughput("json.decode.foundation_jsonserialization", bytes: jsonData.count) {
    _ = try JSONSerialization.jsonObject(with: jsonData)
}
throughput("json.encode.threatmonitor", bytes: jsonData.count) {
    _ = JSONWriter.data(list)
}
let foundationObject = try JSONSerialization.jsonObject(with: jsonData)
try throughput("json.encode.foundation_jsonserialization", bytes: jsonData.count) {
    _ = try JSONSerialization.data(withJSONObject: foundationObject)
}
try throughput("yaml.parse.threatmonitor", bytes: yamlBytes) {
    _ = try YAML.parseAll(yamlText)
}
throughput("yaml.emit.threatmonitor", bytes: yamlBytes) {
    _ = YAML.emit(list)
}

// MARK: - Issue 4: controller runtime

try await ControllerBench.run(items: list["items"]?.arrayValue ?? [])

// MARK: - Issue 3: DevCluster

try await DevClusterBench.run()

// MARK: - Issue 5: cold-start convergence of 1,000 policies across 100 namespaces

let convergence = try await ConvergenceBenchmark.run(policies: 1_000, namespaces: 100)
report("operator.converge_1000_policies_100_namespaces", convergence.seconds, "s",
       note: convergence.writes.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " "))
