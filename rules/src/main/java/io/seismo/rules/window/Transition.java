package io.seismo.rules.window;

/** What a key's condition did at a window boundary. Detectors report only the first two. */
public enum Transition {
    STARTED, STOPPED, UNCHANGED
}
