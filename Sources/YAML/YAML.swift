// The YAML module; see DESIGN.md.
