package net.bluemind.xmpp.archive.es;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;

/** The official Elasticsearch client over its low-level REST client, and what must be closed with it. */
public final class EsConnection implements AutoCloseable {

    private final RestClient rest;
    private final ElasticsearchClient client;

    public EsConnection(List<URI> urls, Duration connectTimeout, Duration socketTimeout) {
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("no Elasticsearch URL (es-urls)");
        }
        HttpHost[] hosts = urls.stream().map(u -> new HttpHost(u.getHost(), u.getPort() < 0 ? 9200 : u.getPort(),
                u.getScheme())).toArray(HttpHost[]::new);
        this.rest = RestClient.builder(hosts).setRequestConfigCallback(c -> c
                .setConnectTimeout((int) connectTimeout.toMillis())
                .setSocketTimeout((int) socketTimeout.toMillis())).build();
        this.client = new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper()));
    }

    public ElasticsearchClient client() {
        return client;
    }

    public RestClient rest() {
        return rest;
    }

    @Override
    public void close() {
        try {
            rest.close();
        } catch (IOException e) {
            // closing: nothing left to do with it
        }
    }
}
