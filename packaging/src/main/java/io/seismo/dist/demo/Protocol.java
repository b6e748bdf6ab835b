package io.seismo.dist.demo;

/** How a service is called: HTTP services report {@code http.status}, databases do not. */
enum Protocol {
    HTTP,
    DATABASE
}
