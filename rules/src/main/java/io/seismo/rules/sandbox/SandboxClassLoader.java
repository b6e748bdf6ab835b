package io.seismo.rules.sandbox;

import groovy.lang.GroovyClassLoader;
import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import org.codehaus.groovy.control.CompilerConfiguration;

/**
 * The class loader rule files compile in. Global AST transformations are found through a service file on
 * the class path and would run on every rule file (@Grab fetching code is one); this loader hides that
 * file from the compiler so that none is registered.
 */
final class SandboxClassLoader extends GroovyClassLoader {
    private static final String GLOBAL_TRANSFORMS = "META-INF/services/org.codehaus.groovy.transform.ASTTransformation";

    SandboxClassLoader(ClassLoader parent, CompilerConfiguration config) {
        super(parent, config);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        return GLOBAL_TRANSFORMS.equals(name) ? Collections.emptyEnumeration() : super.getResources(name);
    }
}
