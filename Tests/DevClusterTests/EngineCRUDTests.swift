import JSON
import Testing
@testable import DevCluster

/// Create, get, update and their kube-apiserver Status answers, without HTTP.
@Suite("Engine: CRUD and Status bodies")
struct EngineCRUDTests {
    @Test func createAssignsIdentityAndGlobalResourceVersions() throws {
        let e = Engine()
        let before = e.store.resourceVersion
        let a = try e.configMap("a")
        let b = try e.store.create(e.type("coordination.k8s.io", "v1", "leases"), namespace: "default",
                                   ["metadata": ["name": "l"], "spec": ["holderIdentity": "me"]]).object
        #expect(a.metaResourceVersion == String(before + 1))
        #expect(b.metaResourceVersion == String(before + 2), "one counter across resources")
        #expect(a.metaUID.count == 36)
        #expect(a[path: ["metadata", "creationTimestamp"]]?.stringValue?.hasSuffix("Z") == true)
        #expect(b["apiVersion"] == "coordination.k8s.io/v1")
        #expect(b["kind"] == "Lease")
    }

    @Test func generateNameAddsFiveCharacters() throws {
        let e = Engine()
        let o = try e.store.create(e.configmaps, namespace: "default", ["metadata": ["generateName": "job-"]]).object
        #expect(o.metaName.hasPrefix("job-"))
        #expect(o.metaName.count == 9)
    }

    @Test func duplicateIsAlreadyExists() throws {
        let e = Engine()
        try e.configMap("a")
        #expect(throws: APIError.alreadyExists(resource: GroupResource(group: "", resource: "configmaps"), name: "a")) {
            try e.configMap("a")
        }
        let status = APIError.alreadyExists(resource: GroupResource(group: "", resource: "configmaps"), name: "a").status
        #expect(status == [
            "kind": "Status", "apiVersion": "v1", "metadata": [:], "status": "Failure",
            "message": "configmaps \"a\" already exists", "reason": "AlreadyExists",
            "details": ["name": "a", "kind": "configmaps"], "code": 409,
        ])
    }

    @Test func missingIsNotFoundWithGroup() throws {
        let e = Engine()
        let w = try e.widgets()
        do {
            _ = try e.store.get(w, namespace: "default", name: "nope")
            Issue.record("expected NotFound")
        } catch {
            #expect(error.status == [
                "kind": "Status", "apiVersion": "v1", "metadata": [:], "status": "Failure",
                "message": "widgets.example.com \"nope\" not found", "reason": "NotFound",
                "details": ["name": "nope", "group": "example.com", "kind": "widgets"], "code": 404,
            ])
        }
    }

    @Test func staleResourceVersionIsConflict() throws {
        let e = Engine()
        let a = try e.configMap("a")
        var v1 = a
        v1["data"] = ["k": "2"]
        _ = try e.store.update(e.configmaps, namespace: "default", name: "a", v1)
        var stale = a
        stale["data"] = ["k": "3"]
        do {
            _ = try e.store.update(e.configmaps, namespace: "default", name: "a", stale)
            Issue.record("expected Conflict")
        } catch {
            #expect(error.code == 409)
            #expect(error.reason == "Conflict")
            #expect(error.message == "Operation cannot be fulfilled on configmaps \"a\": the object has been modified; please apply your changes to the latest version and try again")
        }
    }

    @Test func updateWithoutChangesWritesNothing() throws {
        let e = Engine()
        let a = try e.configMap("a")
        let rv = e.store.resourceVersion
        let same = try e.store.update(e.configmaps, namespace: "default", name: "a", a).object
        #expect(same.metaResourceVersion == a.metaResourceVersion)
        #expect(e.store.resourceVersion == rv)
    }

    @Test func namespaceMustExist() throws {
        let e = Engine()
        #expect(throws: APIError.notFound(resource: GroupResource(group: "", resource: "namespaces"), name: "ghost")) {
            try e.configMap("a", ns: "ghost")
        }
    }

    // MARK: - Invalid input (422 with causes)

    @Test(arguments: [
        ("Bad_Name", "metadata.name"),
        ("", "metadata.name"),
    ])
    func invalidNames(name: String, field: String) throws {
        let e = Engine()
        do {
            try e.configMap(name)
            Issue.record("expected Invalid")
        } catch {
            guard case .invalid(let kind, _, _, let causes) = error else { Issue.record("\(error)"); return }
            #expect(kind == "ConfigMap")
            #expect(causes.first?.field == field)
            #expect(error.code == 422)
        }
    }

    @Test func invalidStatusCarriesCauses() throws {
        let err = APIError.invalid(kind: "Widget", group: "example.com", name: "w", causes: [
            .required("spec.color"), .invalid("spec.replicas", 30, "spec.replicas in body should be less than or equal to 10"),
        ])
        #expect(err.message == "Widget.example.com \"w\" is invalid: [spec.color: Required value, spec.replicas: Invalid value: 30: spec.replicas in body should be less than or equal to 10]")
        #expect(err.status["details"]?["causes"]?[0] == ["reason": "FieldValueRequired", "message": "Required value", "field": "spec.color"])
        #expect(err.status["details"]?["kind"] == "Widget")
    }
}
