"value: ${ { } }"
