package io.github.jrtc.internal.sdp;

/**
 * An {@code a=} line split at its first colon (RFC 8866 §5.13): {@code a=<name>} is a property
 * attribute (value null), {@code a=<name>:<value>} a value attribute. The value is kept as written.
 */
public record SdpAttribute(String name, String value) {}
