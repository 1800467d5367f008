import streamlit as st

DEFAULTS = {"theme": "Light", "font_size": 14, "notifications": True, "nickname": ""}

st.header("Settings")

for key, value in DEFAULTS.items():
    st.session_state.setdefault(key, value)


def reset():
    for key, value in DEFAULTS.items():
        st.session_state[key] = value


st.selectbox("Theme", ["Light", "Dark", "System"], key="theme")
st.slider("Font size", 8, 32, key="font_size")
st.toggle("Notifications", key="notifications")
st.text_input("Nickname", key="nickname", max_chars=12)
st.button("Reset to defaults", key="reset", on_click=reset)

st.write(f"Theme **{st.session_state.theme}**, {st.session_state.font_size}px")
if st.session_state.nickname:
    st.success(f"Saved nickname: {st.session_state.nickname}")
