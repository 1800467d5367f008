import streamlit as st

st.title("Counter")

if "count" not in st.session_state:
    st.session_state.count = 0


def increment(step=1):
    st.session_state.count += step


st.button("Add", key="add", on_click=increment)
st.button("Add ten", key="add10", on_click=increment, args=(10,))
st.write("Count:", st.session_state.count)

name = st.text_input("Your name", key="name")
if name:
    st.write(f"Hello, {name}")
