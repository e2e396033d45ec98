# Placeholder: the full Static Python stub lands with the stubs work.
