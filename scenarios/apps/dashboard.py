import streamlit as st

SALES = {
    "North": [120, 135, 160, 150],
    "South": [80, 95, 90, 110],
    "West": [140, 120, 130, 170],
}

st.title("Sales dashboard")
region = st.sidebar.selectbox("Region", list(SALES), key="region")
quarter = st.sidebar.select_slider("Quarter", ["Q1", "Q2", "Q3", "Q4"], value="Q4", key="quarter")

q = ["Q1", "Q2", "Q3", "Q4"].index(quarter)
values = SALES[region]
col1, col2, col3 = st.columns(3)
col1.metric("Revenue", f"${values[q]}k", f"{values[q] - values[q - 1] if q else 0:+}k")
col2.metric("Best quarter", ["Q1", "Q2", "Q3", "Q4"][values.index(max(values))])
col3.metric("Regions", len(SALES))

chart_tab, table_tab = st.tabs(["Chart", "Table"])
with chart_tab:
    st.line_chart({"sales": values[: q + 1]})
with table_tab:
    st.table([{"quarter": f"Q{i + 1}", "sales": v} for i, v in enumerate(values[: q + 1])])

with st.expander("Notes", expanded=False):
    st.write(f"{region} through {quarter}: total ${sum(values[: q + 1])}k")
