package se.samverkan.directory;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.OperationType;
import com.unboundid.ldif.LDIFReader;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.util.EnumSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;

/**
 * The demo's directory: UnboundID's in-memory LDAP server inside Samverkan, on 127.0.0.1 only,
 * loaded from the LDIF file at every start (changes live until the next restart). Everything but a
 * bind needs an authenticated connection; the demo source reads as {@code bindDn}. There are no
 * access rules: it is for the demo on one machine, never for production (profile demo only).
 */
public class EmbeddedDirectory implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedDirectory.class);

  private final InMemoryDirectoryServer server;

  public EmbeddedDirectory(int port, String bindDn, String bindPassword, Resource ldif) {
    try {
      InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(EmbeddedDirectoryLdif.BASE_DN);
      config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("demo-katalog",
          InetAddress.getLoopbackAddress(), port, null));
      config.addAdditionalBindCredentials(bindDn, bindPassword);
      // no schema: a function's group may be left without members, as in Active Directory
      config.setSchema(null);
      config.setAuthenticationRequiredOperationTypes(EnumSet.complementOf(EnumSet.of(OperationType.BIND)));
      server = new InMemoryDirectoryServer(config);
      try (InputStream in = ldif.getInputStream(); LDIFReader reader = new LDIFReader(in)) {
        server.importFromLDIF(true, reader);
      }
      server.startListening();
      log.info("Demokatalogen (inbyggd LDAP) lyssnar på ldap://127.0.0.1:{} med {} poster", port(),
          server.countEntries());
    } catch (LDAPException | IOException failed) {
      throw new IllegalStateException("Demokatalogen kunde inte startas på 127.0.0.1:" + port + ": "
          + failed.getMessage(), failed);
    }
  }

  public int port() {
    return server.getListenPort();
  }

  /** The server itself, for the demo endpoint and the tests. */
  public InMemoryDirectoryServer server() {
    return server;
  }

  @Override
  public void close() {
    server.shutDown(true);
  }
}
