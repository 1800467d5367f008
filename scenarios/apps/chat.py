import streamlit as st

st.title("Echo bot")
st.session_state.setdefault("messages", [{"role": "assistant", "content": "Say something!"}])

for m in st.session_state.messages:
    with st.chat_message(m["role"]):
        st.write(m["content"])

prompt = st.chat_input("Your message", key="prompt")
if prompt:
    st.session_state.messages.append({"role": "user", "content": prompt})
    reply = f"You said: {prompt}"
    st.session_state.messages.append({"role": "assistant", "content": reply})
    with st.chat_message("user"):
        st.write(prompt)
    with st.chat_message("assistant"):
        st.write(reply)
