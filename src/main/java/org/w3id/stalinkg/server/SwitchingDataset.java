package org.w3id.stalinkg.server;

import org.apache.jena.query.ReadWrite;
import org.apache.jena.query.TxnType;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.util.Context;
import org.w3id.stalinkg.graph.Tdb2QueryEngine;

/**
 * The dataset Fuseki queries, following {@link DataHolder}: a transaction is bound, when it begins, to the dataset
 * current at that moment, and every operation inside it goes there, so a query never mixes the old and the new
 * data of a reload. Outside a transaction, operations go to the current dataset.
 */
final class SwitchingDataset extends DatasetGraphWrapper implements Tdb2QueryEngine.SameData {

    private final DataHolder holder;
    private final ThreadLocal<DatasetGraph> inTransaction = new ThreadLocal<>();

    SwitchingDataset(DataHolder holder, Context context) {
        super(holder.current().graph().dataset(), context);
        this.holder = holder;
    }

    @Override
    protected DatasetGraph get() {
        DatasetGraph bound = inTransaction.get();
        return bound != null ? bound : holder.current().graph().dataset();
    }

    @Override
    public void begin(TxnType type) {
        bind();
        get().begin(type);
    }

    @Override
    public void begin(ReadWrite mode) {
        bind();
        get().begin(mode);
    }

    @Override
    public void commit() {
        try {
            get().commit();
        } finally {
            inTransaction.remove();
        }
    }

    @Override
    public void abort() {
        try {
            get().abort();
        } finally {
            inTransaction.remove();
        }
    }

    @Override
    public void end() {
        try {
            get().end();
        } finally {
            inTransaction.remove();
        }
    }

    private void bind() {
        inTransaction.set(holder.current().graph().dataset());
    }
}
