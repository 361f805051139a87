# modsvc ships no maintainer list. Known-nothing: naming a maintainer is fine until the
# entry itself is forced, which then fails with a clear message.
{ lib }:
{ }
