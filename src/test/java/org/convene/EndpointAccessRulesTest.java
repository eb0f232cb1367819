package org.convene;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Every controller endpoint says who may call it: {@code @PermitAll} for the public, or
 * {@code @PreAuthorize}/{@code @RolesAllowed} naming the roles, on the method or its class.
 */
class EndpointAccessRulesTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.convene");

    @Test
    void everyEndpointDeclaresWhoMayCallIt() {
        methods().that().areMetaAnnotatedWith(RequestMapping.class)
                .should(declareAccess())
                .check(classes);
    }

    private static ArchCondition<JavaMethod> declareAccess() {
        return new ArchCondition<>("declare who may call it") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                boolean declared = declares(method.isAnnotatedWith(PermitAll.class), method.isAnnotatedWith(PreAuthorize.class),
                        method.isAnnotatedWith(RolesAllowed.class))
                        || declares(method.getOwner().isAnnotatedWith(PermitAll.class), method.getOwner().isAnnotatedWith(PreAuthorize.class),
                        method.getOwner().isAnnotatedWith(RolesAllowed.class));
                events.add(new SimpleConditionEvent(method, declared,
                        method.getFullName() + (declared ? " declares" : " does not declare") + " who may call it"));
            }
        };
    }

    private static boolean declares(boolean... annotations) {
        for (boolean a : annotations) {
            if (a) {
                return true;
            }
        }
        return false;
    }
}
