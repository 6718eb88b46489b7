Compiled method (c2) 295  709       4       org.contextlib4j.benchmarks.GeneratorBenchmark::callbackMode (20 bytes)

/tmp/tmppereegbr.bin:     file format binary


Disassembly of section .data:

00007f87bbef9b80 <.data>:
    7f87bbef9b80:	66 90                	xchg   %ax,%ax
    7f87bbef9b82:	44 8b 56 08          	mov    0x8(%rsi),%r10d
    7f87bbef9b86:	44 3b 50 08          	cmp    0x8(%rax),%r10d
    7f87bbef9b8a:	0f 85 50 ca a8 ff    	jne    0x7f87bb9865e0
    7f87bbef9b90:	89 84 24 00 c0 fe ff 	mov    %eax,-0x14000(%rsp)
    7f87bbef9b97:	55                   	push   %rbp
    7f87bbef9b98:	48 83 ec 30          	sub    $0x30,%rsp
    7f87bbef9b9c:	41 81 7f 20 00 00 00 	cmpl   $0x0,0x20(%r15)
    7f87bbef9ba3:	00 
    7f87bbef9ba4:	0f 85 e8 00 00 00    	jne    0x7f87bbef9c92
    7f87bbef9baa:	4c 8b c6             	mov    %rsi,%r8
    7f87bbef9bad:	49 ba 3c a9 bc d3 87 	movabs $0x7f87d3bca93c,%r10
    7f87bbef9bb4:	7f 00 00 
    7f87bbef9bb7:	45 8b 1a             	mov    (%r10),%r11d
    7f87bbef9bba:	45 85 db             	test   %r11d,%r11d
    7f87bbef9bbd:	75 69                	jne    0x7f87bbef9c28
    7f87bbef9bbf:	49 bb b8 c8 cc 9d 06 	movabs $0x69dccc8b8,%r11
    7f87bbef9bc6:	00 00 00 
    7f87bbef9bc9:	41 0f b6 ab 8c 00 00 	movzbl 0x8c(%r11),%ebp
    7f87bbef9bd0:	00 
    7f87bbef9bd1:	85 ed                	test   %ebp,%ebp
    7f87bbef9bd3:	0f 85 87 00 00 00    	jne    0x7f87bbef9c60
    7f87bbef9bd9:	45 8b 1a             	mov    (%r10),%r11d
    7f87bbef9bdc:	45 85 db             	test   %r11d,%r11d
    7f87bbef9bdf:	75 63                	jne    0x7f87bbef9c44
    7f87bbef9be1:	48 ff 46 18          	incq   0x18(%rsi)
    7f87bbef9be5:	48 85 d2             	test   %rdx,%rdx
        ;   {oop("resource"{0x000000069dc15008})}
    7f87bbef9be8:	74 1e                	je     0x7f87bbef9c08
    7f87bbef9bea:	49 ba 08 50 c1 9d 06 	movabs $0x69dc15008,%r10
    7f87bbef9bf1:	00 00 00 
    7f87bbef9bf4:	48 ff 46 10          	incq   0x10(%rsi)
    7f87bbef9bf8:	48 83 c4 30          	add    $0x30,%rsp
        ;   {poll_return}
    7f87bbef9bfc:	5d                   	pop    %rbp
    7f87bbef9bfd:	49 3b 67 28          	cmp    0x28(%r15),%rsp
    7f87bbef9c01:	0f 87 75 00 00 00    	ja     0x7f87bbef9c7c
    7f87bbef9c07:	c3                   	ret
    7f87bbef9c08:	be f6 ff ff ff       	mov    $0xfffffff6,%esi
    7f87bbef9c0d:	4c 89 04 24          	mov    %r8,(%rsp)
    7f87bbef9c11:	48 89 54 24 08       	mov    %rdx,0x8(%rsp)
    7f87bbef9c16:	4c 89 44 24 10       	mov    %r8,0x10(%rsp)
    7f87bbef9c1b:	e8 c0 dc b6 ff       	call   0x7f87bba678e0
        ;   {post_call_nop}
    7f87bbef9c20:	0f 1f 84 00 98 01 00 	nopl   0x198(%rax,%rax,1)
    7f87bbef9c27:	00 
    7f87bbef9c28:	be cc ff ff ff       	mov    $0xffffffcc,%esi
    7f87bbef9c2d:	48 89 14 24          	mov    %rdx,(%rsp)
    7f87bbef9c31:	4c 89 44 24 08       	mov    %r8,0x8(%rsp)
    7f87bbef9c36:	90                   	nop
    7f87bbef9c37:	e8 a4 dc b6 ff       	call   0x7f87bba678e0
        ;   {post_call_nop}
    7f87bbef9c3c:	0f 1f 84 00 b4 01 00 	nopl   0x10001b4(%rax,%rax,1)
    7f87bbef9c43:	01 
    7f87bbef9c44:	be cc ff ff ff       	mov    $0xffffffcc,%esi
    7f87bbef9c49:	48 89 14 24          	mov    %rdx,(%rsp)
    7f87bbef9c4d:	4c 89 44 24 08       	mov    %r8,0x8(%rsp)
    7f87bbef9c52:	90                   	nop
    7f87bbef9c53:	e8 88 dc b6 ff       	call   0x7f87bba678e0
        ;   {post_call_nop}
    7f87bbef9c58:	0f 1f 84 00 d0 01 00 	nopl   0x20001d0(%rax,%rax,1)
    7f87bbef9c5f:	02 
    7f87bbef9c60:	be 45 ff ff ff       	mov    $0xffffff45,%esi
    7f87bbef9c65:	48 89 54 24 08       	mov    %rdx,0x8(%rsp)
    7f87bbef9c6a:	4c 89 44 24 10       	mov    %r8,0x10(%rsp)
    7f87bbef9c6f:	e8 6c dc b6 ff       	call   0x7f87bba678e0
        ;   {post_call_nop}
    7f87bbef9c74:	0f 1f 84 00 ec 01 00 	nopl   0x30001ec(%rax,%rax,1)
    7f87bbef9c7b:	03 
        ;   {internal_word}
    7f87bbef9c7c:	49 ba fd 9b ef bb 87 	movabs $0x7f87bbef9bfd,%r10
    7f87bbef9c83:	7f 00 00 
    7f87bbef9c86:	4d 89 97 38 05 00 00 	mov    %r10,0x538(%r15)
    7f87bbef9c8d:	e9 ce fe a8 ff       	jmp    0x7f87bb989b60
    7f87bbef9c92:	e8 29 69 a7 ff       	call   0x7f87bb9705c0
    7f87bbef9c97:	e9 0e ff ff ff       	jmp    0x7f87bbef9baa
    7f87bbef9c9c:	f4                   	hlt
    7f87bbef9c9d:	f4                   	hlt
    7f87bbef9c9e:	f4                   	hlt
    7f87bbef9c9f:	f4                   	hlt
        ;   {runtime_call ExceptionBlob}
    7f87bbef9ca0:	e9 3b df b6 ff       	jmp    0x7f87bba67be0
    7f87bbef9ca5:	e8 00 00 00 00       	call   0x7f87bbef9caa
    7f87bbef9caa:	48 83 2c 24 05       	subq   $0x5,(%rsp)
    7f87bbef9caf:	e9 2c e6 a8 ff       	jmp    0x7f87bb9882e0
    7f87bbef9cb4:	f4                   	hlt
    7f87bbef9cb5:	f4                   	hlt
    7f87bbef9cb6:	f4                   	hlt
    7f87bbef9cb7:	f4                   	hlt

