// The Kube module; see DESIGN.md.
