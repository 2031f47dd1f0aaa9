package tigase.vhosts;

import tigase.db.comp.ComponentRepository;

public interface VHostComponentRepository extends ComponentRepository<VHostItem> {

    VHostItem getDefaultVHostItem();
}
