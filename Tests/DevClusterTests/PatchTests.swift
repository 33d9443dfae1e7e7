import JSON
import Testing
@testable import DevCluster

/// JSON patch, strategic merge patch and server-side apply as pure functions.
@Suite("Patches")
struct PatchTests {
    @Test func jsonPatchOperations() throws {
        let doc: JSONValue = ["a": [1, 2], "b": ["c": "x"]]
        let patch: JSONValue = [
            ["op": "add", "path": "/a/1", "value": 9], ["op": "remove", "path": "/b/c"],
            ["op": "copy", "from": "/a/0", "path": "/d"], ["op": "move", "from": "/d", "path": "/e"],
            ["op": "test", "path": "/e", "value": 1], ["op": "replace", "path": "/a/-1", "value": 0],
        ]
        // "/a/-1" is not a valid index for replace.
        #expect(throws: APIError.self) { try JSONPatch.apply(patch, to: doc) }
        let ok = try JSONPatch.apply(.array(Array(patch.arrayValue?.dropLast() ?? [])), to: doc)
        #expect(ok == ["a": [1, 9, 2], "b": [:], "e": 1])
    }

    // MARK: - Bad JSON patches

    @Test(arguments: [
        #"[{"op":"replace","path":"/missing","value":1}]"#,
        #"[{"op":"test","path":"/a","value":2}]"#,
        #"[{"op":"bogus","path":"/a"}]"#,
        #"{"op":"add"}"#,
        #"[{"op":"add","path":"a","value":1}]"#,
    ])
    func badJSONPatches(_ text: String) throws {
        let patch = try JSONParser.parse(text)
        #expect(throws: APIError.self) { try JSONPatch.apply(patch, to: ["a": 1]) }
    }

    @Test func strategicMergeUsesListKeysAndDirectives() throws {
        let pod: JSONValue = ["metadata": ["finalizers": ["a"]],
                              "spec": ["containers": [["name": "app", "image": "v1"], ["name": "side", "image": "s1"]]]]
        let patch: JSONValue = ["metadata": ["finalizers": ["b"]],
                                "spec": ["containers": [["name": "app", "image": "v2"], ["name": "side", "$patch": "delete"],
                                                        ["name": "new", "image": "n"]],
                                         "$setElementOrder/containers": [["name": "app"], ["name": "new"]]]]
        let out = try StrategicMerge.apply(patch, to: pod, keys: BuiltinTypes.podKeys)
        #expect(out[path: ["metadata", "finalizers"]] == ["a", "b"])
        #expect(out[path: ["spec", "containers"]] == [["name": "app", "image": "v2"], ["name": "new", "image": "n"]])
    }

    @Test func serverSideApplyRemovesFieldsTheManagerStoppedApplying() {
        var live: JSONValue = ["metadata": ["name": "x"], "spec": ["a": 1, "b": 2, "other": 3]]
        let first: JSONValue = ["metadata": ["name": "x"], "spec": ["a": 1, "b": 2]]
        live.setMeta("managedFields", [["manager": "m", "operation": "Apply", "fieldsV1": FieldSet.applied(first)]])
        let out = ServerSideApply.apply(["metadata": ["name": "x"], "spec": ["a": 5]], to: live, manager: "m", keys: [:])
        #expect(out["spec"] == ["a": 5, "other": 3])
    }
}
