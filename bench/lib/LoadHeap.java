import java.lang.management.ManagementFactory;
import java.nio.file.Path;

import org.w3id.stalinkg.graph.KnowledgeGraph;
import org.w3id.stalinkg.graph.KnowledgeGraphLoader;

/**
 * The heap a loaded graph keeps: loads the project at args[0] with the stalin-kg jar on the class path, runs a full
 * GC with the graph still reachable, and prints "load_ms retained_mib triples". Run by bench/load.sh:
 * java -Xmx1g -cp target/stalin-kg.jar bench/lib/LoadHeap.java ROOT
 */
public class LoadHeap {
    public static void main(String[] args) {
        long t0 = System.nanoTime();
        KnowledgeGraph kg = KnowledgeGraphLoader.forProject(Path.of(args[0])).load();
        long loadMs = (System.nanoTime() - t0) / 1_000_000;
        long triples = kg.size();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        System.out.printf("%d %.1f %d%n", loadMs, used / 1048576.0, triples);
        java.lang.ref.Reference.reachabilityFence(kg);
    }
}
