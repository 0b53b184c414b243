/*
 * include/linux/serial_reg.h - the 8250/16550 UART registers (National
 * Semiconductor PC16550D datasheet; the DesignWare APB UART and the TI
 * OMAP/AM335x UART implement the same set). Names as Linux's
 * include/uapi/linux/serial_reg.h. A register's address is
 * base + (number << reg-shift), accessed reg-io-width bytes wide.
 *
 *  reg  read                       write
 *   0   RX  receive buffer         TX  transmit holding
 *   1   IER interrupt enable       IER
 *   2   IIR interrupt id           FCR FIFO control
 *   3   LCR line control           LCR
 *   4   MCR modem control          MCR
 *   5   LSR line status            -
 *
 *  LSR:  7      6     5     4   3   2   1   0
 *      +------+-----+-----+---+---+---+---+----+
 *      | FIFO | TEMT| THRE| BI| FE| PE| OE| DR |
 *      +------+-----+-----+---+---+---+---+----+
 */
#ifndef _LINUX_SERIAL_REG_H
#define _LINUX_SERIAL_REG_H

#define UART_RX           0
#define UART_TX           0
#define UART_IER          1
#define UART_LSR          5
#define UART_LSR_DR       0x01   /* receiver data ready */
#define UART_LSR_THRE     0x20   /* transmit holding register empty */
#define UART_LSR_TEMT     0x40   /* transmitter empty (shift register too) */

#endif
