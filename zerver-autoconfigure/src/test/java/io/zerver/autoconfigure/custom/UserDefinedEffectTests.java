package io.zerver.autoconfigure.custom;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zerver.autoconfigure.effects.ZerverEffectsAutoConfiguration;
import io.zerver.autoconfigure.engine.ZerverEngineAutoConfiguration;
import io.zerver.core.effect.EffectContext;
import io.zerver.core.engine.Engine;
import io.zerver.core.http.Request;
import io.zerver.core.http.Response;
import io.zerver.core.retry.RetryPolicy;
import io.zerver.core.route.ZerverRoutes;
import io.zerver.core.slot.Slot;
import io.zerver.core.step.Decision;
import io.zerver.core.step.Step;
import io.zerver.core.timeline.Timeline;
import io.zerver.core.timeline.TimelineEvent;
import io.zerver.core.timeline.TimelineObserver;
import io.zerver.effects.EffectFamily;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * An effect type of the application's own, end to end: a {@link SendMail} record, its handler on
 * the application's JavaMailSender (Boot's, Jakarta Mail) as an {@code EffectFamily} bean, a step
 * declaring it, and a real SMTP server (GreenMail) in this process. The runtime gives it what the
 * built-in effects get: timeout, retries, timeline events; and a missing handler stops the start.
 */
class UserDefinedEffectTests {

    private static final Slot<Boolean> SENT = Slot.of("sent", Boolean.class);

    private GreenMail smtp;
    private int smtpPort;

    @BeforeEach
    void startSmtp() {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        smtpPort = smtp.getSmtp().getPort();
    }

    @AfterEach
    void stopSmtp() {
        smtp.stop();
    }

    /** The application's handler: its own client, off the engine's thread. */
    static final class Mailer {

        private final JavaMailSender sender;

        Mailer(JavaMailSender sender) {
            this.sender = sender;
        }

        Mono<Object> send(SendMail mail, EffectContext context) {
            return Mono.fromCallable(() -> {
                SimpleMailMessage message = new SimpleMailMessage();
                message.setFrom("hello@zerver.test");
                message.setTo(mail.to());
                message.setSubject(mail.subject());
                message.setText(mail.text());
                sender.send(message);
                return (Object) Boolean.TRUE;
            }).subscribeOn(Schedulers.boundedElastic());
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class MailFamily {

        @Bean
        EffectFamily<Mailer> mail(JavaMailSender sender) {
            return EffectFamily.of(new Mailer(sender), (mailer, handlers) -> handlers.on(SendMail.class, mailer::send));
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class WelcomeRoute {

        static final List<TimelineEvent> EVENTS = new CopyOnWriteArrayList<>();

        @Bean
        TimelineObserver events() {
            return new TimelineObserver() {
                @Override
                public void onEvent(Timeline timeline, TimelineEvent event) {
                    EVENTS.add(event);
                }
            };
        }

        @Bean
        ZerverRoutes welcome() {
            Step answer = Step.named("answer").reads(SENT).run(ctx -> Decision.done(Response.status(202)));
            Step welcome = Step.named("welcome").writes(SENT).performs(SendMail.class).continuesWith(answer)
                    .run(ctx -> Decision.need(SendMail.to(ctx.param("name").orElseThrow() + "@zerver.test",
                                    "Welcome, " + ctx.param("name").orElseThrow(), "Hello!")
                            .into(SENT)
                            .retry(RetryPolicy.fixed(2, Duration.ofMillis(50)))
                            .idempotencyKey("welcome:" + ctx.param("name").orElseThrow()))
                            .then(answer));
            return routes -> routes.post("/welcome/:name", r -> r.steps(welcome));
        }
    }

    private ApplicationContextRunner runner() {
        WelcomeRoute.EVENTS.clear();
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(MailSenderAutoConfiguration.class,
                        ZerverEffectsAutoConfiguration.class, ZerverEngineAutoConfiguration.class))
                .withUserConfiguration(WelcomeRoute.class)
                .withPropertyValues("spring.mail.host=127.0.0.1", "spring.mail.port=" + smtpPort);
    }

    private static Response post(Engine engine, String path) {
        return engine.handle(Request.of("POST", path)).block(Duration.ofSeconds(10));
    }

    @Test
    void aStepSendsMailThroughTheApplicationsOwnClient() throws Exception {
        runner().withUserConfiguration(MailFamily.class).run(context -> {
            Response response = post(context.getBean(Engine.class), "/welcome/ann");

            assertThat(response.status()).isEqualTo(202);
            MimeMessage[] received = smtp.getReceivedMessages();
            assertThat(received).hasSize(1);
            assertThat(received[0].getSubject()).isEqualTo("Welcome, ann");
            assertThat(WelcomeRoute.EVENTS).filteredOn(TimelineEvent.EffectStarted.class::isInstance)
                    .map(TimelineEvent.EffectStarted.class::cast)
                    .singleElement()
                    .satisfies(started -> {
                        assertThat(started.kind()).isEqualTo("mail.send");
                        assertThat(started.target()).isEqualTo("smtp");
                        assertThat(started.detail()).isEqualTo("Welcome, ann");
                    });
        });
    }

    @Test
    void aServerThatIsDownIsRetriedByPolicyThenAnswered502() {
        smtp.stop();
        runner().withUserConfiguration(MailFamily.class).run(context -> {
            Response response = post(context.getBean(Engine.class), "/welcome/bob");

            assertThat(response.status()).isEqualTo(502);
            assertThat(response.bodyAsString()).contains("\"kind\":\"UpstreamUnavailable\"").contains("\"what\":\"mail\"");
            assertThat(WelcomeRoute.EVENTS).filteredOn(TimelineEvent.EffectStarted.class::isInstance)
                    .map(event -> ((TimelineEvent.EffectStarted) event).attempt()).containsExactly(1, 2);
        });
    }

    @Test
    void aTestScriptsItLikeABuiltInEffect() {
        Step answer = Step.named("answer").reads(SENT).run(ctx -> Decision.done(Response.status(202)));
        Step welcome = Step.named("welcome").writes(SENT).performs(SendMail.class).continuesWith(answer)
                .run(ctx -> Decision.need(SendMail.to("ann@zerver.test", "Welcome", "Hello!").into(SENT))
                        .then(answer));
        io.zerver.test.ReqTest t = io.zerver.test.ReqTest.post("/welcome/ann", "");
        t.effects().on(SendMail.class).after(Duration.ofMillis(30)).succeed(true);

        io.zerver.test.ReqTest.Result result = t.run(welcome);
        assertThat(result.status()).as(result.timeline().toJson()).isEqualTo(202);
    }

    @Test
    void aDeclaredEffectWithoutAHandlerStopsTheStartNamingRouteStepAndType() {
        runner().run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining(
                    "route 'POST /welcome/:name', step 'welcome' performs " + SendMail.class.getName());
        });
    }
}
