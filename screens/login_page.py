"""登录: shown alone when the dashboard is set to require a login (PERFBOARD_REQUIRE_LOGIN); the form is in the
sidebar."""

import streamlit as st

from perfboard import texts

st.title(texts.APP_TITLE)
st.info(texts.LOGIN_REQUIRED)
