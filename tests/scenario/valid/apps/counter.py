import streamlit as st

if "count" not in st.session_state:
    st.session_state.count = 0
if st.button("Add", key="add"):
    st.session_state.count += 1
name = st.text_input("Name", key="name")
if name:
    st.write(f"Hello, {name}")
st.checkbox("Agree", key="agree")
st.slider("Volume", 0, 10, key="volume")
