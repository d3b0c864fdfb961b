package io.stockroom.producer.order.adapter.in.web;

import io.stockroom.contracts.order.PlaceOrder;
import io.stockroom.producer.account.application.Accounts;
import io.stockroom.producer.command.application.CommandNotSentException;
import io.stockroom.producer.command.domain.ActionStatus;
import io.stockroom.producer.command.domain.CommandReceipt;
import io.stockroom.producer.order.application.OrderAction;
import io.stockroom.producer.order.application.Orders;
import io.stockroom.producer.security.WebSlice;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.util.Collections;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The order API's web layer in a slice: request binding and validation, problem details, the API chain's roles and
 * the command-not-sent answer, with the producer's real security (see {@link WebSlice}). {@link Orders} is a Mockito
 * double: the real one publishes to RabbitMQ and keeps views in MongoDB, neither of which a slice starts. Requests the
 * web layer must refuse are checked never to reach it.
 */
@WebMvcTest(controllers = OrderController.class)
@Import(WebSlice.class)
class OrderApiWebTest {

    private static final String SHOPPER = "slice-shopper";
    private static final String ADMIN = "slice-admin";
    private static final String PASSWORD = "correct horse battery";

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @MockitoBean
    Orders orders;

    @BeforeEach
    void accounts() {
        WebSlice.register(accounts, SHOPPER, PASSWORD);
        accounts.ensureAdmin(ADMIN, PASSWORD);
    }

    @Test
    void an_order_without_lines_is_a_400_problem_naming_the_field() throws Exception {
        mvc.perform(place(SHOPPER, "{\"lines\":[]}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Invalid request"))
                .andExpect(jsonPath("$.errors[0].field").value("lines"));
        verifyNoInteractions(orders);
    }

    @Test
    void an_order_with_more_lines_than_the_contract_allows_is_refused_before_it_is_placed() throws Exception {
        String line = "{\"sku\":\"SKU-1\",\"quantity\":1}";
        String lines = String.join(",", Collections.nCopies(PlaceOrder.LINES_MAX + 1, line));
        mvc.perform(place(SHOPPER, "{\"lines\":[" + lines + "]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("lines"));
        verifyNoInteractions(orders);
    }

    @Test
    void a_line_of_no_units_is_a_400_problem_naming_the_line() throws Exception {
        mvc.perform(place(SHOPPER, "{\"lines\":[{\"sku\":\"SKU-1\",\"quantity\":0}]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("lines[0].quantity"));
        verifyNoInteractions(orders);
    }

    @Test
    void an_order_without_an_idempotency_key_is_a_400_problem() throws Exception {
        mvc.perform(post("/api/orders").with(httpBasic(SHOPPER, PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"lines\":[{\"sku\":\"SKU-1\",\"quantity\":1}]}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        verifyNoInteractions(orders);
    }

    @Test
    void a_shopper_may_not_fulfil_an_order() throws Exception {
        mvc.perform(post("/api/orders/o-1/fulfil").with(httpBasic(SHOPPER, PASSWORD)))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("Your role does not allow this operation."));
        verifyNoInteractions(orders);
    }

    @Test
    void an_admin_fulfils_an_order_and_is_told_where_to_follow_the_command() throws Exception {
        when(orders.fulfil(any(), eq("o-1")))
                .thenReturn(new OrderAction.Sent(new CommandReceipt("c-1", ActionStatus.PENDING, false)));
        mvc.perform(post("/api/orders/o-1/fulfil").with(httpBasic(ADMIN, PASSWORD)))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", "/api/commands/c-1"))
                .andExpect(jsonPath("$.status").value("PENDING"));
    }

    @Test
    void a_command_the_broker_did_not_confirm_is_a_503_to_retry() throws Exception {
        when(orders.fulfil(any(), eq("o-2"))).thenThrow(new CommandNotSentException("no confirm", null));
        mvc.perform(post("/api/orders/o-2/fulfil").with(httpBasic(ADMIN, PASSWORD)))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(jsonPath("$.title").value("Service Unavailable"));
    }

    @Test
    void an_anonymous_request_is_asked_for_credentials() throws Exception {
        mvc.perform(post("/api/orders/o-1/fulfil"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Basic realm=\"stockroom\""));
        verifyNoInteractions(orders);
    }

    private static MockHttpServletRequestBuilder place(String username, String body) {
        return post("/api/orders").with(httpBasic(username, PASSWORD)).header("Idempotency-Key", "key-1")
                .contentType(MediaType.APPLICATION_JSON).content(body);
    }
}
