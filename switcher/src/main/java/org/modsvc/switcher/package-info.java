/**
 * Everything between an evaluated configuration and running services: the unit-file model,
 * generations on disk (manifest, ownership, atomic writes, garbage collection), the pure switch
 * planner that mirrors switch-to-configuration-ng's rules, and the executor that drives systemd
 * over D-Bus. Depends on nothing of the evaluator but its values and JSON codec, so plans can be
 * built and tested on hand-written unit files.
 */
package org.modsvc.switcher;
