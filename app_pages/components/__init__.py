"""Browser components of the app (inline st.components.v2, no build step)."""
