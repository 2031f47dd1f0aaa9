package net.bluemind.xmpp.testkit.services;

/**
 * {@code start|stop|status} of a long-lived RabbitMQ + Elasticsearch pair for developers (run by
 * {@code scripts/services.sh}). Tests find the running pair on the same ports and leave it running.
 * {@code stop} stops only nodes of this state directory, never a foreign service on the ports.
 */
public final class ServicesMain {

    private ServicesMain() {
    }

    public static void main(String[] args) {
        String cmd = args.length == 0 ? "status" : args[0];
        ServicesConfig config = ServicesConfig.fromEnvironment();
        RabbitMqNode rabbit = new RabbitMqNode(config);
        ElasticsearchNode es = new ElasticsearchNode(config);
        try {
            switch (cmd) {
                case "start" -> {
                    start(config, rabbit, es);
                    status(config, rabbit, es);
                }
                case "stop" -> stop(rabbit, es, args.length > 1 ? args[1] : "all");
                case "status" -> {
                    if (!status(config, rabbit, es)) {
                        System.exit(3);
                    }
                }
                default -> {
                    System.err.println("usage: services start | stop [all|rabbitmq|elasticsearch] | status");
                    System.exit(2);
                }
            }
        } catch (ServiceException e) {
            System.err.println("ERROR: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void start(ServicesConfig config, RabbitMqNode rabbit, ElasticsearchNode es) {
        try (StartLock lock = StartLock.acquire(config.stateDir(), "rabbitmq-" + rabbit.port())) {
            if (Loopback.listening(rabbit.port())) {
                System.out.println("RabbitMQ already listening on " + rabbit.port());
            } else if (rabbit.answers()) {
                rabbit.startApp();
            } else {
                System.out.println("starting RabbitMQ node " + rabbit.nodeName() + " ...");
                rabbit.start();
            }
        }
        try (StartLock lock = StartLock.acquire(config.stateDir(), "es-" + es.port())) {
            if (es.healthy()) {
                System.out.println("Elasticsearch already answering on " + es.port());
            } else {
                System.out.println("starting Elasticsearch " + EsDistribution.version() + " (about 20 s) ...");
                es.start();
            }
        }
    }

    private static void stop(RabbitMqNode rabbit, ElasticsearchNode es, String which) {
        if (!which.equals("all") && !which.equals("rabbitmq") && !which.equals("elasticsearch")) {
            throw new ServiceException("stop what? all, rabbitmq or elasticsearch, not " + which);
        }
        if (!which.equals("elasticsearch")) {
            stopRabbit(rabbit);
        }
        if (!which.equals("rabbitmq")) {
            stopEs(es);
        }
    }

    private static void stopRabbit(RabbitMqNode rabbit) {
        if (rabbit.answers()) {
            System.out.println("stopping RabbitMQ node " + rabbit.nodeName());
            rabbit.stop();
        } else if (Loopback.listening(rabbit.port())) {
            System.out.println("port " + rabbit.port() + " is served by a RabbitMQ that is not ours: left alone");
        }
    }

    private static void stopEs(ElasticsearchNode es) {
        if (es.running()) {
            System.out.println("stopping Elasticsearch on " + es.url());
            es.stop();
        } else if (Loopback.listening(es.port())) {
            System.out.println("port " + es.port() + " is served by an Elasticsearch that is not ours: left alone");
        }
    }

    private static boolean status(ServicesConfig config, RabbitMqNode rabbit, ElasticsearchNode es) {
        boolean amqp = Loopback.listening(rabbit.port());
        boolean search = es.healthy();
        System.out.println("state dir      " + config.stateDir());
        System.out.println("RabbitMQ       " + (amqp ? "up   " : "DOWN ") + rabbit.uri()
                + "  (node " + rabbit.nodeName() + ", log " + rabbit.logFile() + ")");
        System.out.println("Elasticsearch  " + (search ? "up   " : "DOWN ") + es.url());
        return amqp && search;
    }
}
