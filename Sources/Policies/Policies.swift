// The Policies module; see DESIGN.md.
