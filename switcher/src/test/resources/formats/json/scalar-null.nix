lib: {
  format = formats: formats.json { };
  value = null;
}
