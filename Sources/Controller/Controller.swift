// The Controller module; see DESIGN.md.
