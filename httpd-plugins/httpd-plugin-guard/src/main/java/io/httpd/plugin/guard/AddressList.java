package io.httpd.plugin.guard;

import io.httpd.api.AddressBlock;
import io.httpd.api.PluginConfig;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A list of {@link AddressBlock} blocks from one key of a table, such as {@code allow} or {@code deny}. */
final class AddressList {
    private final List<AddressBlock> blocks;

    AddressList(List<AddressBlock> blocks) {
        this.blocks = List.copyOf(blocks);
    }

    /** The list under this key, or empty when the key is absent. */
    static Optional<AddressList> read(PluginConfig config, String key) {
        if (!config.keys().contains(key)) {
            config.strings(key, List.of()); // read, so it is not reported as unknown
            return Optional.empty();
        }
        List<AddressBlock> blocks = new ArrayList<>();
        for (String text : config.strings(key, List.of())) {
            try {
                blocks.add(AddressBlock.parse(text.strip()));
            } catch (IllegalArgumentException e) {
                throw config.error(key, e.getMessage());
            }
        }
        return Optional.of(new AddressList(blocks));
    }

    /** Whether any block holds the address. */
    boolean contains(InetAddress address) {
        byte[] bytes = AddressBlock.canonical(address);
        for (AddressBlock block : blocks) {
            if (block.contains(bytes)) {
                return true;
            }
        }
        return false;
    }

    int size() {
        return blocks.size();
    }
}
