import streamlit as st

st.title("City explorer")


@st.cache_data
def load_cities():
    st.session_state.setdefault("loads", 0)
    st.session_state.loads += 1
    return [
        {"city": "Lisbon", "country": "PT", "population": 545_000},
        {"city": "Porto", "country": "PT", "population": 232_000},
        {"city": "Madrid", "country": "ES", "population": 3_300_000},
        {"city": "Seville", "country": "ES", "population": 685_000},
        {"city": "Lyon", "country": "FR", "population": 522_000},
    ]


cities = load_cities()
countries = st.multiselect("Countries", ["ES", "FR", "PT"], default=["PT"], key="countries")
min_pop = st.number_input("Minimum population", min_value=0, value=0, step=100_000, key="min_pop")
query = st.text_input("Name contains", key="query")

rows = [
    c for c in cities
    if c["country"] in countries and c["population"] >= min_pop and query.lower() in c["city"].lower()
]
st.caption(f"{len(rows)} of {len(cities)} cities (data loaded {st.session_state.loads}x)")
st.dataframe(rows)
if st.button("Reload data", key="reload"):
    load_cities.clear()
    st.rerun()
