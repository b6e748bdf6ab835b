package io.seismo.agent.discovery;

import io.seismo.agent.config.InputSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FileDiscoveryTest {
    @TempDir
    Path dir;

    @Test
    void shouldMatchGlobsAndGiveEachFileTheServiceOfTheFirstInputThatMatches() throws Exception {
        touch("checkout/app.log", "checkout/app.log.1", "checkout/old/app.log", "payments/pay.log", "payments/pay.txt");
        FileDiscovery discovery = new FileDiscovery(List.of(
                new InputSpec(List.of(dir + "/checkout/*.log"), "checkout"),
                new InputSpec(List.of(dir + "/*/*.log", dir + "/checkout/**/app.log"), "any")));

        assertThat(discovery.discover()).extracting(f -> dir.relativize(f.path()).toString() + "=" + f.service())
                .containsExactlyInAnyOrder("checkout/app.log=checkout", "payments/pay.log=any", "checkout/old/app.log=any");
    }

    @Test
    void shouldFindAPlainPathAndNothingInAMissingFolder() throws Exception {
        touch("one.log");
        FileDiscovery discovery = new FileDiscovery(List.of(
                new InputSpec(List.of(dir + "/one.log", dir + "/missing/*.log"), "svc")));

        assertThat(discovery.discover()).extracting(DiscoveredFile::path).containsExactly(dir.resolve("one.log"));
        assertThat(discovery.discover().get(0).fileKey()).isNotNull();
    }

    private void touch(String... names) throws Exception {
        for (String name : names) {
            Path p = dir.resolve(name);
            Files.createDirectories(p.getParent());
            Files.writeString(p, "x\n");
        }
    }
}
