package dev.dbq.testsupport;

import dev.dbq.store.Database;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;

/** Backs {@link EachBackend}: one invocation per backend, each with its own fresh database. */
public final class EachBackendExtension implements TestTemplateInvocationContextProvider {

  @Override
  public boolean supportsTestTemplate(ExtensionContext context) {
    return context.getTestMethod().map(m -> m.isAnnotationPresent(EachBackend.class)).orElse(false);
  }

  @Override
  public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(
      ExtensionContext context) {
    return Stream.of(Backend.values()).map(BackendInvocation::new);
  }

  private record BackendInvocation(Backend backend) implements TestTemplateInvocationContext {

    @Override
    public String getDisplayName(int invocationIndex) {
      return backend.displayName();
    }

    @Override
    public List<Extension> getAdditionalExtensions() {
      return List.of(new FreshDatabase(backend));
    }
  }

  /** Creates the database before the test, hands it out, and removes it after. */
  private static final class FreshDatabase
      implements BeforeEachCallback, AfterEachCallback, ParameterResolver {


    private static final ExtensionContext.Namespace NAMESPACE =
        ExtensionContext.Namespace.create(FreshDatabase.class);

    private final Backend backend;

    FreshDatabase(Backend backend) {
      this.backend = backend;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
      try {
        context.getStore(NAMESPACE).put(TestDatabase.class, backend.create());
      } catch (BackendUnavailableException unavailable) {
        UnavailableBackend.ofThisRun().handle(unavailable);
      }
    }


    @Override
    public void afterEach(ExtensionContext context) throws Exception {
      TestDatabase database =
          context.getStore(NAMESPACE).remove(TestDatabase.class, TestDatabase.class);
      if (database != null) {
        database.close();
      }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
      Class<?> type = parameter.getParameter().getType();
      return type == TestDatabase.class || type == Database.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
      TestDatabase database =
          context.getStore(NAMESPACE).get(TestDatabase.class, TestDatabase.class);
      return parameter.getParameter().getType() == Database.class ? database.database() : database;
    }
  }
}
