import streamlit as st

st.title("To-do list")

if "todos" not in st.session_state:
    st.session_state.todos = []


def add_todo():
    text = st.session_state.new_todo.strip()
    if text:
        st.session_state.todos.append({"text": text, "done": False})


with st.form("add_form", clear_on_submit=True):
    st.text_input("New item", key="new_todo")
    st.form_submit_button("Add", on_click=add_todo)

for todo in st.session_state.todos:
    todo["done"] = st.checkbox(todo["text"], value=todo["done"], key=f"done_{todo['text']}")

remaining = sum(not t["done"] for t in st.session_state.todos)
st.caption(f"{remaining} of {len(st.session_state.todos)} left")
if st.button("Clear finished", key="clear"):
    st.session_state.todos = [t for t in st.session_state.todos if not t["done"]]
    st.rerun()
