import streamlit as st

st.title("Members area")
password = st.text_input("Password", type="password", key="password")
if password != "open sesame":
    st.warning("Enter the password to continue.")
    st.stop()

st.success("Welcome in.")
colour = st.color_picker("Favourite colour", "#00aaff", key="colour")
st.write("You picked", colour)
