# The lib the modules cases run on: ours.
import <modsvc-lib>
