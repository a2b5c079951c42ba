"""Streamlit pages (layout only) and the resources they share."""
