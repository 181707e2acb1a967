package se.samverkan.directory;

import com.unboundid.ldap.sdk.BindResult;
import com.unboundid.ldap.sdk.ExtendedResult;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import com.unboundid.ldap.sdk.extensions.StartTLSExtendedRequest;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.JVMDefaultTrustManager;
import com.unboundid.util.ssl.SSLUtil;
import java.security.GeneralSecurityException;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The password check of a directory-managed user: a simple LDAP bind as the user's own DN against
 * the user's own directory, over ldaps:// or StartTLS when the source says so (the system trust
 * store, host name verified), within the source's timeout. An empty password is refused before any
 * bind (LDAP would take it as an anonymous bind and answer success).
 */
public final class DirectoryLogin {

  private static final Logger log = LoggerFactory.getLogger(DirectoryLogin.class);

  private DirectoryLogin() {}

  /** Whether {@code password} is the password of the entry {@code dn} in that directory. */
  public static boolean bind(DirectorySettings.Ldap ldap, String dn, String password) {
    if (ldap == null || ldap.url() == null || dn == null || dn.isBlank() || password == null || password.isEmpty()) {
      return false;
    }
    try {
      LDAPURL url = new LDAPURL(ldap.url());
      LDAPConnectionOptions options = new LDAPConnectionOptions();
      options.setConnectTimeoutMillis((int) Math.min(Integer.MAX_VALUE, ldap.timeout().toMillis()));
      options.setResponseTimeoutMillis(ldap.timeout().toMillis());
      options.setSSLSocketVerifier(new HostNameSSLSocketVerifier(true));
      SSLUtil ssl = new SSLUtil(JVMDefaultTrustManager.getInstance());
      boolean ldaps = "ldaps".equals(url.getScheme().toLowerCase(Locale.ROOT));
      try (LDAPConnection connection = ldaps
          ? new LDAPConnection(ssl.createSSLSocketFactory(), options, url.getHost(), url.getPort())
          : new LDAPConnection(options, url.getHost(), url.getPort())) {
        if (ldap.startTls() && !ldaps) {
          ExtendedResult started = connection.processExtendedOperation(new StartTLSExtendedRequest(ssl.createSSLContext()));
          if (started.getResultCode() != ResultCode.SUCCESS) {
            log.warn("StartTLS mot {} misslyckades: {}", ldap.url(), started.getResultCode());
            return false;
          }
        }
        BindResult result = connection.bind(new SimpleBindRequest(dn, password));
        return result.getResultCode() == ResultCode.SUCCESS;
      }
    } catch (LDAPException refused) {
      if (refused.getResultCode() != ResultCode.INVALID_CREDENTIALS) {
        log.warn("Inloggning mot katalogen {} misslyckades för {}: {}", ldap.url(), dn, refused.getResultCode());
      }
      return false;
    } catch (GeneralSecurityException tls) {
      log.warn("TLS mot katalogen {} kunde inte sättas upp: {}", ldap.url(), tls.getMessage());
      return false;
    }
  }
}
