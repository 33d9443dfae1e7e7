// The Operator module; see DESIGN.md.
