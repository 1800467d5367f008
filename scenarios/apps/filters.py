import datetime as dt

import streamlit as st

BOOKS = [
    {"title": "Dune", "genre": "Sci-fi", "year": 1965, "rating": 4.3},
    {"title": "Emma", "genre": "Classic", "year": 1815, "rating": 4.0},
    {"title": "Neuromancer", "genre": "Sci-fi", "year": 1984, "rating": 3.9},
    {"title": "Rebecca", "genre": "Mystery", "year": 1938, "rating": 4.2},
    {"title": "The Hobbit", "genre": "Fantasy", "year": 1937, "rating": 4.3},
]

st.title("Book finder")
with st.sidebar:
    genres = st.multiselect("Genres", sorted({b["genre"] for b in BOOKS}), key="genres")
    years = st.slider("Published", 1800, 2000, (1800, 2000), key="years")
    order = st.radio("Sort by", ["title", "year", "rating"], horizontal=True, key="order")
    since = st.date_input("Added since", dt.date(2024, 1, 1), key="since")

hits = [b for b in BOOKS if (not genres or b["genre"] in genres) and years[0] <= b["year"] <= years[1]]
hits.sort(key=lambda b: b[order])
st.write(f"{len(hits)} books since {since.isoformat()}")
for b in hits:
    st.markdown(f"- **{b['title']}** ({b['year']}), {b['genre']}, rated {b['rating']}")
