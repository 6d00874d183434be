// Reports say this is code, not prose.
