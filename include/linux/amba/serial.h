/*
 * include/linux/amba/serial.h - the ARM PrimeCell UART (PL011) registers
 * we use (ARM DDI 0183G, 3.2). Names as Linux's include/linux/amba/serial.h.
 *
 *  UARTFR (0x18):  7     6     5     4     3     2..0
 *                +-----+-----+-----+-----+------+-----+
 *                | TXFE| RXFF| TXFF| RXFE| BUSY | ... |
 *                +-----+-----+-----+-----+------+-----+
 */
#ifndef _LINUX_AMBA_SERIAL_H
#define _LINUX_AMBA_SERIAL_H

#define UART01x_DR        0x00   /* data register */
#define UART01x_FR        0x18   /* flag register */
#define UART01x_FR_BUSY   0x008  /* still transmitting */
#define UART01x_FR_RXFE   0x010  /* receive FIFO empty */
#define UART01x_FR_TXFF   0x020  /* transmit FIFO full */

#endif
