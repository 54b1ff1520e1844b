/**
 * The command line ({@code serve}, {@code validate}, {@code stats}, {@code dump}, {@code load}, {@code generate}):
 * parses the options, checks each value where picocli parses it, wires the parts together and turns the outcome into
 * an exit status (0, 1 for data that does not load, 2 for a usage error). The top of the flow
 * {@code cli -> server -> {api, linkeddata, pages} -> http -> store -> graph -> vocab}: it may import any package of
 * ours, and none imports it.
 */
package org.w3id.stalinkg.cli;
