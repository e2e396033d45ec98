pub(crate) mod static_python;
