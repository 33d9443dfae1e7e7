// The DevCluster module; see DESIGN.md.
