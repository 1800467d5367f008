import streamlit as st

st.title("Sign-up wizard")
st.session_state.setdefault("page", 1)
st.session_state.setdefault("profile", {})


def next_page():
    st.session_state.page += 1


def back():
    st.session_state.page -= 1


page = st.session_state.page
st.progress(page / 3, text=f"Step {page} of 3")

if page == 1:
    with st.form("account"):
        email = st.text_input("Email", key="email")
        submitted = st.form_submit_button("Next")
    if submitted:
        if "@" not in email:
            st.error("Please enter a valid email address.")
        else:
            st.session_state.profile["email"] = email
            next_page()
            st.rerun()
elif page == 2:
    with st.form("details"):
        age = st.number_input("Age", min_value=13, max_value=120, value=30, key="age")
        plan = st.radio("Plan", ["Free", "Pro", "Team"], key="plan")
        submitted = st.form_submit_button("Next")
    st.button("Back", key="back", on_click=back)
    if submitted:
        st.session_state.profile.update(age=age, plan=plan)
        next_page()
        st.rerun()
else:
    st.subheader("Review")
    st.json(st.session_state.profile)
    st.button("Back", key="back", on_click=back)
    if st.button("Confirm", key="confirm", type="primary"):
        st.balloons()
        st.success(f"Welcome aboard, {st.session_state.profile['email']}!")
