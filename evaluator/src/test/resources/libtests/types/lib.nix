# The lib the types cases run on: ours.
import <modsvc-lib>
