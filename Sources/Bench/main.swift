import Foundation
import JSON

// Benchmarks print one figure per line; see README ("Performance").
let list = Fixtures.policyList(count: 10_000)
let jsonData = JSONWriter.data(list)
print("# fixture: 10,000 CiliumNetworkPolicy objects, JSON \(jsonData.count / 1024) KiB")

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
